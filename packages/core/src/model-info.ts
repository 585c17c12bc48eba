/** A model as the gateway knows it; the server's catalog and GET /api/models share this shape. */
export interface ModelInfo {
  /** `provider/model` */
  id: string;
  provider: string;
  /** what the provider calls it */
  providerModel: string;
  kind: 'chat' | 'embedding';
  contextWindow?: number;
  /** USD per million tokens */
  pricing?: { input: number; output: number };
  supportsTools?: boolean;
  supportsVision?: boolean;
  local?: boolean;
}
