import { getServices } from "@/server/context";

export const dynamic = "force-dynamic";

export default async function Home() {
  const cats = await getServices().categories.listWithStats();
  return (
    <main>
      {cats.map((c) => (
        <p key={c.id}>
          {c.name} ({c.postCount})
        </p>
      ))}
    </main>
  );
}
