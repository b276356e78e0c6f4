import { latestPosts } from "../lib/db";
import { List } from "./List";

export const dynamic = "force-dynamic";

export default async function Home() {
  return <List rows={await latestPosts()} />;
}
