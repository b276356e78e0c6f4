import type { Services } from "./services";
import { childLogger } from "./logger";

const log = childLogger("seed");

export const DEMO_PASSWORD = "parley-demo";
export const DEMO_USERS = [
  { email: "admin@parley.dev", username: "ada", role: "ADMIN" },
  { email: "mod@parley.dev", username: "moe", role: "MODERATOR" },
  { email: "alice@parley.dev", username: "alice", role: "MEMBER" },
  { email: "bob@parley.dev", username: "bob", role: "MEMBER" },
] as const;

const CATEGORIES = [
  { slug: "announcements", name: "Announcements", description: "News from the Parley team." },
  { slug: "help", name: "Help & Support", description: "Stuck? Ask here and someone will pitch in." },
  { slug: "show-and-tell", name: "Show and Tell", description: "Share what you have been building." },
];

const POSTS = [
  {
    by: 2,
    cat: "general",
    title: "Welcome to Parley 👋",
    body: "This is a **live** forum: new posts and comments show up on every open page without a reload.\n\nSay hello below, and try opening this page in two windows.",
  },
  {
    by: 0,
    cat: "announcements",
    title: "Community guidelines",
    body: "Be kind, stay on topic, and report anything that breaks the rules.\n\n1. No spam\n2. No harassment\n3. Use `code blocks` for code",
  },
  {
    by: 3,
    cat: "help",
    title: "How do I format code in a post?",
    body: "I tried pasting a snippet and it lost its indentation. What is the trick?",
  },
  {
    by: 2,
    cat: "show-and-tell",
    title: "A tiny CLI for tracking reading lists",
    body: 'Built with Node and SQLite. Feedback welcome!\n\n```sh\nnpx reading-list add "Designing Data-Intensive Applications"\n```',
  },
];

const COMMENTS = [
  { post: 0, by: 3, body: "Hello from bob! The live updates are great." },
  { post: 0, by: 1, body: "Welcome everyone. Ping @moe if you need a hand." },
  { post: 2, by: 2, body: "Wrap it in triple backticks:\n\n```js\nconsole.log('hi')\n```" },
  { post: 2, by: 3, body: "That worked, thanks @alice!" },
  { post: 3, by: 0, body: "Nice work. Does it sync between machines?" },
];

/** Demo content for a fresh dev database: categories, members, posts with comments. */
export async function seedDemo(services: Services) {
  for (const c of CATEGORIES) await services.categories.create(c).catch(() => {});
  const users = [];
  for (const u of DEMO_USERS) users.push(await services.users.createAccount({ ...u, password: DEMO_PASSWORD, verified: true }));
  const viewers = users.map((u, i) => ({
    id: u.id,
    username: u.username,
    avatarUrl: null,
    avatarKey: null,
    bio: "",
    role: u.role,
    sessionVersion: 0,
    locale: null,
    email: DEMO_USERS[i].email,
    emailVerified: true,
    hasPassword: true,
    ban: null,
  }));
  const posts = [];
  for (const p of POSTS)
    posts.push((await services.posts.create(viewers[p.by], { categorySlug: p.cat, title: p.title, body: p.body })).post);
  for (const c of COMMENTS) await services.comments.create(viewers[c.by], posts[c.post].id, { body: c.body });
  log.info({ users: users.length, posts: posts.length }, "seeded demo content");
}
