import type { PublicShareDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { MarkdownView } from '../chat/markdown-view';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';

/** /share/:id: a read-only conversation anyone with the link can read, labelled as AI-generated. */
export default function SharePage() {
  const { t, toggle } = useI18n();
  const { id } = useParams();
  const [share, setShare] = useState<PublicShareDto | null>();

  useEffect(() => {
    api<PublicShareDto>(`/api/public/shares/${id}`)
      .then(setShare)
      .catch(() => setShare(null));
  }, [id]);

  useEffect(() => {
    if (share) document.title = `${share.title} · Qiao`;
  }, [share]);

  return (
    <div className="share-page" data-testid="share-page">
      <header className="share-top">
        <Link to="/" className="brand">
          <span className="logo" aria-hidden="true">
            桥
          </span>
          {t('appName')}
        </Link>
        <span className="ai-label" data-testid="ai-generated">
          {t('aiGenerated')}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="ghost small"
          onClick={toggle}
          data-testid="language"
          aria-label={t('languageLabel')}
        >
          {t('language')}
        </button>
      </header>
      {share === undefined && <p className="page-loading">{t('loading')}</p>}
      {share === null && (
        <p className="page-loading" role="alert">
          {t('shareNotFound')}
        </p>
      )}
      {share && (
        <main className="share-body">
          <h1>{share.title || t('sharedConversation')}</h1>
          <p className="muted small">
            {t('sharedConversation')} · {new Date(share.createdAt).toLocaleString()}
          </p>
          {share.messages.map((message, index) =>
            message.role === 'user' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a share never changes
              <article key={index} className="message user" data-testid="message-user">
                <div className="bubble">{message.content}</div>
              </article>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a share never changes
              <article key={index} className="message assistant" data-testid="message-assistant">
                <div className="avatar" aria-hidden="true">
                  桥
                </div>
                <div className="assistant-body">
                  <div className="markdown">
                    <MarkdownView text={message.content} />
                  </div>
                  <p className="ai-note">
                    {t('aiGenerated')}
                    {message.model ? ` · ${message.model}` : ''}
                  </p>
                </div>
              </article>
            ),
          )}
          <footer className="share-foot">
            <p className="muted">{t('aiGeneratedNote')}</p>
            <Link to="/" className="primary-link">
              {t('tryQiao')}
            </Link>
          </footer>
        </main>
      )}
    </div>
  );
}
