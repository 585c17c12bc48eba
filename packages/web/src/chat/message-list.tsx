import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useRows } from './chat-context';
import { MessageRow } from './message-row';

/**
 * The transcript, virtualized: only the rows on screen are in the DOM, so a conversation of a
 * thousand messages opens at once. It follows the newest text unless the reader scrolled up.
 */
export function MessageList() {
  const rows = useRows();
  const scroller = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    // close guesses keep the scroll position from being corrected much as rows get measured
    estimateSize: (index) => (rows[index]?.kind === 'user' ? 90 : 220),
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the end when a row is added
  useLayoutEffect(() => {
    if (stick.current && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length]);

  useEffect(() => {
    const element = inner.current;
    const outer = scroller.current;
    if (!element || !outer) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) outer.scrollTop = outer.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (element) stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
  };

  return (
    <div className="transcript" ref={scroller} onScroll={onScroll} data-testid="transcript">
      <div ref={inner} className="transcript-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="transcript-row"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <MessageRow row={rows[item.index]!} />
          </div>
        ))}
      </div>
    </div>
  );
}
