import { Card } from "@/components/ui/Card";
import { PostListSkeleton, Skeleton } from "@/components/ui/Skeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <Card className="flex items-center gap-4 p-6">
        <Skeleton className="size-16 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-6 w-40" />
          <Skeleton className="h-3 w-56" />
        </div>
      </Card>
      <PostListSkeleton rows={3} />
    </div>
  );
}
