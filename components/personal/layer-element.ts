/**
 * The id of the JSON script a member-shell page carries its reader's layer in: written by the
 * page cache (server/http/page-cache.ts), read by the client (./layer.ts).
 */
export const LAYER_ELEMENT_ID = "parley-personal";
