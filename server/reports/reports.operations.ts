import { z } from "zod";
import { ZReport } from "../shapes";
import { defineOperation, reply, WRITE_ERRORS } from "../http/operation";
import { ZCreateReport } from "./reports.schema";

const ReportResponse = z.strictObject({ report: ZReport });

export const reportsOperations = [
  defineOperation({
    name: "createReport",
    method: "POST",
    path: "/api/v1/reports",
    summary: "Report a post or comment; reporting it again returns your open report (200)",
    auth: "member",
    body: ZCreateReport,
    limit: "report",
    ok: { 201: ReportResponse, 200: ReportResponse },
    errors: [...WRITE_ERRORS, "NOT_FOUND"],
    async handle({ body, services, viewer }) {
      const { report, created } = await services.reports.create(viewer, body);
      return reply(created ? 201 : 200, { report });
    },
  }),
] as const;
