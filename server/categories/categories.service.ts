import { conflict, notFound } from "../errors";
import { isUniqueViolation } from "../db/errors";
import type { CategoriesRepository } from "./categories.repository";
import type { TCategoryInput } from "./categories.schema";

export function createCategoriesService({ repo }: { repo: CategoriesRepository }) {
  return {
    list: repo.list,
    listWithStats: repo.listWithStats,
    ensureDefault: repo.ensureDefault,
    async get(slug: string) {
      const c = await repo.findBySlug(slug);
      if (!c) throw notFound("category");
      return c;
    },
    /** For the demo seed; admins create categories through moderation (audited). */
    async create(input: TCategoryInput) {
      try {
        return await repo.create(input);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict("slug is already taken", [{ field: "slug", message: "is already taken" }]);
        throw err;
      }
    },
  };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;
