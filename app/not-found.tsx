import Link from "next/link";
import { useTranslations } from "next-intl";
import { LinkButton } from "@/components/ui/Button";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-400">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-900 dark:text-white">{t("heading")}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <div className="mt-8 flex items-center gap-3">
        <LinkButton href="/">{t("back")}</LinkButton>
        <Link href="/new" className="text-sm font-medium text-zinc-600 hover:underline dark:text-zinc-400">
          {t("startPost")}
        </Link>
      </div>
    </div>
  );
}
