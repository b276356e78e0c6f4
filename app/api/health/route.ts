import { getServices } from "@/server/context";
import { json } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const health = await getServices().health();
    return json({ status: "ok", ...health, uptime: Math.round(process.uptime()) });
  } catch {
    return json({ status: "unavailable", db: "unreachable" }, 503);
  }
}
