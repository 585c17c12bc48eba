import { useState } from 'react';
import './agent-avatar.css';

interface AgentAvatarProps {
  /** an emoji, or the stored URL of an uploaded image */
  avatar: string;
  /** the agent's shareable image URL (AgentDto.avatarUrl): stored upload URLs serve only their owner */
  url?: string | null;
  size?: number;
}

/** An agent's avatar: an uploaded image or an emoji; a picture that fails to load shows 🤖. */
export function AgentAvatar({ avatar, url, size = 40 }: AgentAvatarProps) {
  const image = avatar.startsWith('/') || avatar.startsWith('http');
  const src = url ?? avatar;
  const [failed, setFailed] = useState<string>();
  return (
    <span
      className="agent-avatar"
      style={{ width: size, height: size, fontSize: size * 0.55 }}
      aria-hidden="true"
      data-testid="agent-avatar"
    >
      {image && failed !== src ? (
        <img src={src} alt="" onError={() => setFailed(src)} />
      ) : image ? (
        '🤖'
      ) : (
        avatar || '🤖'
      )}
    </span>
  );
}
