import { latestPosts } from "../../../lib/db";
import { List } from "../../List";

export const dynamic = "force-dynamic";

export default async function Category({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <List rows={await latestPosts(slug)} />;
}
