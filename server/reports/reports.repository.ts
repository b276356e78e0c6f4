import type { Db } from "../db/client";
import { toUserRef, userRefSelect } from "../users/user-ref";

export const reportSelect = {
  id: true,
  targetType: true,
  targetId: true,
  reason: true,
  status: true,
  resolution: true,
  note: true,
  createdAt: true,
  resolvedAt: true,
  resolvedById: true,
  reporter: { select: userRefSelect },
} as const;

export type ReportRow = {
  id: string;
  targetType: "POST" | "COMMENT";
  targetId: string;
  reason: string;
  status: "OPEN" | "RESOLVED" | "DISMISSED";
  resolution: string | null;
  note: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedById: string | null;
  reporter: { id: string; username: string; avatarKey: string | null };
};

export function toReport(r: ReportRow) {
  return {
    id: r.id,
    targetType: r.targetType === "POST" ? ("post" as const) : ("comment" as const),
    targetId: r.targetId,
    reason: r.reason,
    status: r.status.toLowerCase() as "open" | "resolved" | "dismissed",
    resolution: r.resolution,
    note: r.note,
    reporter: toUserRef(r.reporter),
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}
export type Report = ReturnType<typeof toReport>;

export function createReportsRepository(db: Db) {
  return {
    async findOpenBy(reporterId: string, targetType: "POST" | "COMMENT", targetId: string) {
      return db.report.findFirst({ where: { reporterId, targetType, targetId, status: "OPEN" }, select: reportSelect });
    },
    async create(data: { reporterId: string; targetType: "POST" | "COMMENT"; targetId: string; reason: string }) {
      return db.report.create({ data, select: reportSelect });
    },
    async countOpen() {
      return db.report.count({ where: { status: "OPEN" } });
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
