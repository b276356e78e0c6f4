export const COMMENT_PAGE = 200;
