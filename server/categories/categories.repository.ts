import type { Db } from "../db/client";
import type { Category, CategoryWithStats } from "../dto";

const select = { id: true, slug: true, name: true, description: true } as const;

export function createCategoriesRepository(db: Db) {
  return {
    async list(): Promise<Category[]> {
      return db.category.findMany({ select, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
    },
    async listWithStats(): Promise<CategoryWithStats[]> {
      const [cats, stats] = await Promise.all([
        db.category.findMany({ select, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
        db.post.groupBy({
          by: ["categoryId"],
          where: { deletedAt: null, hidden: false },
          _count: { _all: true },
          _max: { lastActivityAt: true },
        }),
      ]);
      const byId = new Map(stats.map((s) => [s.categoryId, s]));
      return cats.map((c) => ({
        ...c,
        postCount: byId.get(c.id)?._count._all ?? 0,
        lastActivityAt: byId.get(c.id)?._max.lastActivityAt?.toISOString() ?? null,
      }));
    },
    async findBySlug(slug: string) {
      return db.category.findUnique({ where: { slug }, select });
    },
    async create(data: { slug: string; name: string; description: string }) {
      const position = (await db.category.count()) * 10;
      return db.category.create({ data: { ...data, position }, select });
    },
    /**
     * Every forum starts with `general`, demo content or not. Nodes starting together on a
     * new database race here (an upsert is a read then an insert), so it inserts and lets
     * the unique slug decide: one node creates it, the others find it there.
     */
    async ensureDefault() {
      await db.category.createMany({
        data: [{ slug: "general", name: "General", description: "Anything and everything.", position: 0 }],
        skipDuplicates: true,
      });
    },
  };
}

export type CategoriesRepository = ReturnType<typeof createCategoriesRepository>;
