export { value } from './tla.mjs';
