import './agent-avatar.css';

/** An agent's avatar: an uploaded image (a URL) or an emoji. */
export function AgentAvatar({ avatar, size = 40 }: { avatar: string; size?: number }) {
  const image = avatar.startsWith('/') || avatar.startsWith('http');
  return (
    <span
      className="agent-avatar"
      style={{ width: size, height: size, fontSize: size * 0.55 }}
      aria-hidden="true"
      data-testid="agent-avatar"
    >
      {image ? <img src={avatar} alt="" /> : avatar || '🤖'}
    </span>
  );
}
