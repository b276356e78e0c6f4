import "./globals.css";
import type { ReactNode } from "react";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { env } from "@/server/env";
import { getServices } from "@/server/context";
import { getViewer, isMemberShell } from "@/server/auth/viewer";
import { Header } from "@/components/layout/Header";
import { Footer } from "@/components/layout/Footer";
import { ConnectionBanner } from "@/components/layout/ConnectionBanner";
import { BanNotice } from "@/components/layout/BanNotice";
import { ShellVerifyBanner, VerifyBanner } from "@/components/account/VerifyBanner";
import { RealtimeBridge } from "@/components/realtime/RealtimeBridge";
import { LiveAnnouncer } from "@/components/a11y/Announcer";
import { StoresProvider } from "@/components/stores/StoresProvider";
import { loadCategories, loadPresence } from "./_components/load";

export const dynamic = "force-dynamic";

/** The site's title, description and image text in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    metadataBase: new URL(env.publicUrl),
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "32x32" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
    },
    openGraph: { siteName: t("title"), images: [{ url: "/og.png", width: 1200, height: 630, alt: t("ogAlt") }] },
    twitter: { card: "summary_large_image" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, shell] = await Promise.all([getViewer(), isMemberShell()]);
  const services = getServices();
  const [categories, presence, notifications, locale, t] = await Promise.all([
    loadCategories(),
    loadPresence(),
    viewer ? services.notifications.list(viewer) : null,
    getLocale(),
    getTranslations("common"),
  ]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <NextIntlClientProvider>
          <StoresProvider
            presence={{ count: presence.count, users: presence.users, guests: presence.guests }}
            notifications={notifications}
            shell={shell}
          >
            <a
              href="#main"
              className="sr-only z-50 rounded-md bg-accent-600 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
            >
              {t("skipToContent")}
            </a>
            <Header viewer={viewer} categories={categories} shell={shell} />
            <RealtimeBridge />
            <ConnectionBanner />
            {viewer?.ban && <BanNotice ban={viewer.ban} />}
            {viewer && !viewer.ban && !viewer.emailVerified && <VerifyBanner required={env.EMAIL_VERIFICATION === "required"} />}
            {shell && <ShellVerifyBanner required={env.EMAIL_VERIFICATION === "required"} />}
            <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
              {children}
            </main>
            <Footer />
            <LiveAnnouncer />
          </StoresProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
