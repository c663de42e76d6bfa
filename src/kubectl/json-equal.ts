/** kubectl compares objects as the API server does: one implementation (src/apiserver/json-equal.ts). */
export { jsonEqual } from '../apiserver/json-equal.ts';
