import type { Locale } from "@/lib/domain/locale";
import type { Messages } from "@/messages/en";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
