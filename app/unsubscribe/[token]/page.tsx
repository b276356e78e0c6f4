import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { isAppError } from "@/server/errors";
import { Card } from "@/components/ui/Card";
import { Alert } from "@/components/ui/Field";
import { LinkButton } from "@/components/ui/Button";
import { Unsubscribe } from "@/components/account-data/Unsubscribe";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountData.unsubscribe"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ token: string }> };

/** Where a notification mail's unsubscribe link leads: opening it asks, the button turns mail off. */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("accountData.unsubscribe");
  const state = await getServices()
    .accountData.unsubscribeState(decodeURIComponent(token))
    .catch((err: unknown) => {
      if (isAppError(err) && err.code === "INVALID_TOKEN") return null;
      throw err;
    });
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4 p-6">
        <h1 className="text-xl font-bold tracking-tight text-zinc-900 dark:text-white">{t("title")}</h1>
        {state ? (
          <Unsubscribe token={decodeURIComponent(token)} alreadyOff={!state.emailNotifications} />
        ) : (
          <div className="space-y-4">
            <Alert>{t("invalid")}</Alert>
            <LinkButton href="/settings/account" variant="secondary">
              {t("settings")}
            </LinkButton>
          </div>
        )}
      </Card>
    </div>
  );
}
