/**
 * The email telling a member what changed in what they watch (README, "Scheduled work and notifications"), in their
 * language: plain text, one paragraph per transition with the changelog's own title and summary (so it says what the
 * changes page says), and links back to the workspace. Pure: addresses and texts are given.
 */
import { formatDay } from "./dates";
import type { Locale } from "./locale";
import type { TransitionText } from "./transitions";

export interface EmailTransition {
  readonly day: string;
  readonly agreementTitle: string;
  readonly texts: Readonly<Record<Locale, TransitionText>>;
}

export interface NotificationEmailInput {
  readonly locale: Locale;
  readonly name: string;
  readonly organisationName: string;
  readonly transitions: readonly EmailTransition[];
  /** Absolute addresses of the member's notifications and watchlist pages, in their language. */
  readonly notificationsUrl: string;
  readonly watchlistUrl: string;
}

export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
}

const NBSP = "\u00a0";

const WORDS = {
  en: {
    subject: (n: number, org: string) =>
      `Accordwatch: ${n === 1 ? "a change" : `${n} changes`} in what you watch (${org})`,
    hello: (name: string) => `Hello ${name},`,
    intro: (n: number, org: string) =>
      `The daily evaluation found ${n === 1 ? "a change" : `${n} changes`} in the commitments and milestones you watch in ${org}:`,
    all: (url: string) => `See your notifications: ${url}`,
    why: (url: string) =>
      `You get this email because you watch these records. To stop, take them off your watchlist: ${url}`,
  },
  fr: {
    subject: (n: number, org: string) =>
      `Accordwatch${NBSP}: ${n === 1 ? "un changement" : `${n} changements`} dans ce que vous suivez (${org})`,
    hello: (name: string) => `Bonjour ${name},`,
    intro: (n: number, org: string) =>
      `L’évaluation quotidienne a relevé ${n === 1 ? "un changement" : `${n} changements`} dans les engagements et jalons que vous suivez dans ${org}${NBSP}:`,
    all: (url: string) => `Voir vos notifications${NBSP}: ${url}`,
    why: (url: string) =>
      `Vous recevez ce courriel parce que vous suivez ces éléments. Pour ne plus le recevoir, retirez-les de votre liste de suivi${NBSP}: ${url}`,
  },
} as const satisfies Record<Locale, unknown>;

export function notificationEmail(input: NotificationEmailInput): EmailMessage {
  const words = WORDS[input.locale];
  const n = input.transitions.length;
  const items = input.transitions.map((t) => {
    const text = t.texts[input.locale];
    return [`• ${formatDay(t.day, input.locale)} — ${text.title}`, `  ${text.summary}`, `  (${t.agreementTitle})`].join(
      "\n",
    );
  });
  return {
    subject: words.subject(n, input.organisationName),
    text: [
      words.hello(input.name),
      words.intro(n, input.organisationName),
      items.join("\n\n"),
      words.all(input.notificationsUrl),
      words.why(input.watchlistUrl),
      "",
    ].join("\n\n"),
  };
}
