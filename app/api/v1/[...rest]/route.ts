import { notFoundRoute } from "@/server/http/route";

// Unknown /api/v1 routes answer in the contract's error shape rather than Next's HTML 404.
const handler = notFoundRoute();
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
