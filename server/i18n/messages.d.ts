import type en from "../../messages/en.json";

// English is the reference catalogue: keys and placeholders are type-checked against it.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
  }
}
