export const COMMENT_PAGE = 200;
/** How far (in pages) the post page reads ahead to open at the first unread comment. */
export const PAGES_TO_FIRST_UNREAD = 10;
