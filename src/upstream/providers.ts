/** Builds a Provider from its config entry; adding a provider type = adding a file and a case here. */
import type { ProviderConfig } from '../config/sections/upstream.js';
import type { Provider } from './types.js';
import { createLocalProvider } from './local/provider.js';
import { createOpenAICompatibleProvider } from './openai-compatible.js';

export function createProvider(config: ProviderConfig, env: NodeJS.ProcessEnv, limits: { maxResponseBytes?: number } = {}): Provider {
  switch (config.type) {
    case 'local':
      return createLocalProvider({ name: config.name, models: config.models });
    case 'openai':
      return createOpenAICompatibleProvider({
        name: config.name,
        baseUrl: config.baseUrl,
        apiKey: config.apiKeyEnv ? env[config.apiKeyEnv] : undefined,
        models: config.models,
        headers: config.headers,
        streamUsage: config.streamUsage,
        maxResponseBytes: limits.maxResponseBytes,
      });
  }
}
