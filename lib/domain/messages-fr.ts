/**
 * The French of the messages that validation and the data layer write in English: the schemas' field messages, the
 * import check's errors and lib/data's NotFoundError, ConflictError and ValidationError.
 *
 * The English texts are a contract (spec/interchange.md: the API, the command line and the import say them word for
 * word), so they are built once, in English, and a French page translates them where it shows them. They come from a
 * small, closed grammar: `expected <expectation>, got <value>` (interchange/messages.ts), where the expectations are
 * a finite set of phrases and the values the few forms of describeValue, and a finite set of sentence templates
 * (custom messages, lib/data's errors). Each message is recognised whole; the values in it (what the reader typed,
 * keys, paths, limits) are kept as the English quotes them. A message not recognised stays in English, never half
 * translated. tests/unit/messages-fr.test.ts finds every template in the sources, so a new one needs its French here.
 */
import { vocabulary } from "./labels";
import type { Locale } from "./locale";
import type { FieldErrors } from "./schemas/parse";
import { HEALTHS, STATUSES, type Status } from "./types";

/**
 * A French text from a template: in its literal parts, the space before `:` `;` `?` `!` `»` and after `«` becomes a
 * no-break space (U+00A0); the values are left as they are.
 */
function fr(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  let out = "";
  strings.forEach((part, i) => {
    out += part.replace(/ (?=[:;?!»])/g, "\u00a0").replace(/« /g, "«\u00a0");
    if (i < values.length) out += String(values[i]);
  });
  return out;
}

/** A pattern and its French, from the pattern's groups; null when a part of the match has no French. */
type Rule = readonly [RegExp, (...groups: string[]) => string | null];

function translate(rules: readonly Rule[], text: string): string | null {
  for (const [pattern, french] of rules) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const result = french(...match.slice(1).map((group) => group ?? ""));
    if (result !== null) return result;
  }
  return null;
}

/** A table's own entry (never one of Object.prototype's: the key comes from a message). */
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | null {
  return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}

// ---- What a schema expects (`expecting(...)`, fallbackErrorMap, the custom `expected …` messages) ----

/** The items of `an array of at most N <items>` (interchange/schema.ts `list`). */
const LIST_ITEMS: Readonly<Record<string, string>> = {
  agreements: "accords",
  commitments: "engagements",
  "deadline changes": "changements d’échéance",
  "evidence links": "éléments de preuve",
  indicators: "indicateurs",
  milestones: "jalons",
  observations: "observations",
  "source ids": "clés de sources",
  sources: "sources",
  "status updates": "points d’étape",
  tags: "mots-clés",
};

/** The keys written `[a-z0-9-]{1,80}`: `a slug of 1 to 80 characters a-z, 0-9 or "-"`. */
const KEY_NAMES: Readonly<Record<string, string>> = {
  "a slug": "une adresse (slug)",
  "an id": "une clé",
  "an organisation slug": "l’adresse (slug) d’une organisation",
  "an agreement slug": "l’adresse (slug) d’un accord",
};

/** fallbackErrorMap's `<origin> of at least N` / `of at most N`. */
const AT_LEAST: Readonly<Record<string, (n: string) => string>> = {
  string: (n) => `un texte d’au moins ${n} caractères`,
  number: (n) => `un nombre supérieur ou égal à ${n}`,
  int: (n) => `un nombre entier supérieur ou égal à ${n}`,
  array: (n) => `une liste d’au moins ${n} éléments`,
  set: (n) => `un ensemble d’au moins ${n} éléments`,
};
const AT_MOST: Readonly<Record<string, (n: string) => string>> = {
  string: (n) => `un texte d’au plus ${n} caractères`,
  number: (n) => `un nombre inférieur ou égal à ${n}`,
  int: (n) => `un nombre entier inférieur ou égal à ${n}`,
  array: (n) => `une liste d’au plus ${n} éléments`,
  set: (n) => `un ensemble d’au plus ${n} éléments`,
};

const EXPECTATIONS: readonly Rule[] = [
  [/^an object$/, () => "un objet"],
  [/^a string$/, () => "un texte"],
  [/^a finite number$/, () => "un nombre fini"],
  [/^a whole number$/, () => "un nombre entier"],
  [/^true or false$/, () => "true ou false"],
  [/^an array$/, () => "une liste"],
  [/^a value of type (\w+)$/, (type) => `une valeur de type ${type}`],
  [/^(\w+) of at least (\S+)$/, (origin, n) => lookup(AT_LEAST, origin)?.(n) ?? null],
  [/^(\w+) of at most (\S+)$/, (origin, n) => lookup(AT_MOST, origin)?.(n) ?? null],
  [/^a text without the null character \(U\+0000\)$/, () => "un texte sans le caractère nul (U+0000)"],
  [/^a non-empty text of at most (\d+) characters$/, (n) => `un texte non vide d’au plus ${n} caractères`],
  [/^a text of at most (\d+) characters$/, (n) => `un texte d’au plus ${n} caractères`],
  [
    /^an array of at most (\d+) (.+)$/,
    (n, items) => {
      const french = lookup(LIST_ITEMS, items);
      return french === null ? null : `une liste d’au plus ${n} ${french}`;
    },
  ],
  [/^a whole number from (-?\d+) to (-?\d+)$/, (min, max) => `un nombre entier de ${min} à ${max}`],
  [
    /^(a slug|an id|an organisation slug|an agreement slug) of 1 to (\d+) characters a-z, 0-9 or "-"$/,
    (key, n) => `${lookup(KEY_NAMES, key) ?? key} de 1 à ${n} caractères a-z, 0-9 ou "-"`,
  ],
  [/^a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY$/, () => "une date AAAA-MM-JJ, AAAA-MM, AAAA-Qn ou AAAA"],
  [/^a day YYYY-MM-DD$/, () => "un jour AAAA-MM-JJ"],
  [/^an http or https URL of at most (\d+) characters$/, (n) => `une URL http ou https d’au plus ${n} caractères`],
  [/^an ISO 3166-1 alpha-2 country code such as "GB"$/, () => 'un code de pays ISO 3166-1 alpha-2, par exemple "GB"'],
  [/^the id of a source$/, () => "la clé d’une source"],
  [/^the id of an evidence link$/, () => "l’identifiant d’un élément de preuve"],
  [/^one of the agreement's parties or "joint"$/, () => 'l’une des parties de l’accord ou "joint"'],
  [
    /^one of the agreement's parties \((.*)\) or "joint"$/s,
    (codes) => `l’une des parties de l’accord (${codes}) ou "joint"`,
  ],
  [/^one of (.+)$/s, (values) => `l’une des valeurs ${values}`],
  [
    /^a number greater than (\S+) and at most (\S+)$/,
    (min, max) => `un nombre supérieur à ${min} et inférieur ou égal à ${max}`,
  ],
  [/^exactly 2 party codes$/, () => "exactement 2 codes de partie"],
  [
    /^the version of the record as it was loaded \(a whole number of at least 1\)$/,
    () => "la version de l’enregistrement telle qu’elle a été chargée (un nombre entier d’au moins 1)",
  ],
  [/^a position in the commitment's list, from 0$/, () => "une position dans la liste de l’engagement, à partir de 0"],
  [/^a position from (\d+) to (-?\d+)$/, (from, to) => `une position de ${from} à ${to}`],
  [/^a document of at most (\d+) characters$/, (n) => `un document d’au plus ${n} caractères`],
  [/^at least one source$/, () => "au moins une source"],
  [
    /^at least one source for status (\w+) \(only NOT_STARTED may have none\)$/,
    (status) => `au moins une source pour le statut ${status} (seul NOT_STARTED peut n’en citer aucune)`,
  ],
];

/** A JSON value as the English quotes it (`"DONE"`, `0`, `true`, `null`, `"accordwatch/v1"`): kept as it is. */
function isQuotedValue(text: string): boolean {
  if (/^-?Infinity$|^NaN$/.test(text)) return true;
  try {
    const value: unknown = JSON.parse(text);
    return value === null || ["string", "number", "boolean"].includes(typeof value);
  } catch {
    return false;
  }
}

function frenchExpectation(expected: string): string | null {
  return isQuotedValue(expected) ? expected : translate(EXPECTATIONS, expected);
}

// ---- What a message says was got (describeValue, and `none`, `N characters`) ----

const VALUES: readonly Rule[] = [
  [/^nothing \(the field is missing\)$/, () => "rien (le champ est absent)"],
  [/^an empty string$/, () => "un texte vide"],
  [/^a blank string$/, () => "un texte fait seulement d’espaces"],
  [/^a text of (\d+) characters$/, (n) => `un texte de ${n} caractères`],
  [/^1 item$/, () => "1 élément"],
  [/^(\d+) items$/, (n) => `${n} éléments`],
  [/^an object$/, () => "un objet"],
  [/^a (\w+)$/, (type) => `une valeur de type ${type}`],
  [/^none$/, () => "aucune"],
  [/^(\d+) characters$/, (n) => `${n} caractères`],
];

function frenchValue(described: string): string | null {
  return isQuotedValue(described) ? described : translate(VALUES, described);
}

// ---- The import's JSON syntax errors (interchange/json.ts) ----

const JSON_SYNTAX: readonly Rule[] = [
  [/^unterminated string$/, () => "chaîne non terminée"],
  [/^invalid \\u escape in string$/, () => "séquence \\u invalide dans une chaîne"],
  [/^invalid escape (".*") in string$/s, (escape) => `séquence d’échappement ${escape} invalide dans une chaîne`],
  [
    /^control character \(such as a line break\) inside a string$/,
    () => "caractère de contrôle (par exemple un saut de ligne) dans une chaîne",
  ],
  [/^unexpected end of input$/, () => "fin du texte inattendue"],
  [/^invalid number$/, () => "nombre invalide"],
  [/^unexpected (".*"), expected a value$/s, (ch) => fr`caractère ${ch} inattendu ; une valeur est attendue`],
  [
    /^unexpected (".*"), expected a double-quoted property name$/s,
    (ch) => fr`caractère ${ch} inattendu ; un nom de propriété entre guillemets droits est attendu`,
  ],
  [
    /^unexpected (".*"), expected ":" after a property name$/s,
    (ch) => fr`caractère ${ch} inattendu ; ":" est attendu après un nom de propriété`,
  ],
  [
    /^unexpected (".*"), expected "," or "(.)"$/s,
    (ch, close) => fr`caractère ${ch} inattendu ; "," ou "${close}" est attendu`,
  ],
  [
    /^unexpected (".*") after the end of the JSON value$/s,
    (ch) => fr`caractère ${ch} inattendu après la fin de la valeur JSON`,
  ],
];

// ---- Sentences said as they are ----

const FIXED: Readonly<Record<string, string>> = {
  // The interchange and the schemas' parse.
  "invalid document": "document invalide",
  "invalid input": "saisie invalide",
  // The as-of and find queries (schemas/as-of.ts, schemas/find.ts).
  "Give the day as YYYY-MM-DD.": "Indiquez le jour au format AAAA-MM-JJ.",
  "Choose a party by its two-letter code, e.g. FR.":
    "Choisissez une partie par son code à deux lettres, par exemple FR.",
  "This value is not accepted.": "Cette valeur n’est pas acceptée.",
  // Comments (schemas/comments.ts).
  "Choose an agreement.": "Choisissez un accord.",
  "Choose a commitment.": "Choisissez un engagement.",
  "Choose a milestone, or none for the whole commitment.": "Choisissez un jalon, ou aucun pour l’engagement entier.",
  "Write a comment.": "Écrivez un commentaire.",
  "A comment cannot contain the null character (U+0000); remove it and try again.": fr`Un commentaire ne peut pas contenir le caractère nul (U+0000) ; retirez-le et réessayez.`,
  // Members and invites (schemas/members.ts, lib/data/members).
  "Choose a role: admin, editor or reviewer.": fr`Choisissez un rôle : administrateur, éditeur ou relecteur.`,
  "Choose a member of the organisation.": "Choisissez un membre de l’organisation.",
  "Choose an invite of the organisation.": "Choisissez une invitation de l’organisation.",
  "This invite link is not valid.": "Ce lien d’invitation n’est pas valide.",
  "There is no such user.": "Ce compte n’existe pas.",
  "There is no such member in this organisation.": "Cette personne n’est pas membre de l’organisation.",
  "There is no such invite in this organisation.": "L’organisation n’a pas cette invitation.",
  "This invite has been used already; remove the member instead.": fr`Cette invitation a déjà été utilisée ; retirez plutôt le membre.`,
  "This invite has been withdrawn already.": "Cette invitation a déjà été retirée.",
  // Webhooks and notifications (schemas/webhooks.ts, lib/data/webhooks.ts).
  "Give the address to send to, starting with https:// or http://.":
    "Indiquez l’adresse à laquelle envoyer, commençant par https:// ou http://.",
  "An address is at most 2000 characters.": "Une adresse compte au plus 2000 caractères.",
  "Leave the user name and password out of the address: deliveries are signed with the secret.": fr`Retirez de l’adresse le nom d’utilisateur et le mot de passe : les envois sont signés avec le secret.`,
  "Choose a webhook of the organisation.": "Choisissez un webhook de l’organisation.",
  "There is no such webhook in this organisation.": "L’organisation n’a pas ce webhook.",
  "Choose a notification.": "Choisissez une notification.",
  "Choose English or French.": "Choisissez l’anglais ou le français.",
  // Records (lib/data/commands, lib/data/history.ts).
  "There is no such evidence link on this milestone.": "Ce jalon n’a pas cet élément de preuve.",
  "This record was changed since you loaded it; reload to see the current values.": fr`Cet enregistrement a été modifié depuis que vous l’avez ouvert ; rechargez la page pour voir les valeurs actuelles.`,
  "Not a page of this history.": "Ce n’est pas une page de cet historique.",
  "Give a date as YYYY-MM-DD.": "Indiquez une date au format AAAA-MM-JJ.",
  // Accounts (lib/data/users.ts, lib/auth/password.ts).
  "Enter an email address.": "Saisissez une adresse électronique.",
  "Enter an email address like name@example.org.": "Saisissez une adresse électronique de la forme nom@example.org.",
  "Enter a name.": "Saisissez un nom.",
  "A name cannot contain the null character (U+0000).": "Un nom ne peut pas contenir le caractère nul (U+0000).",
  "Enter a password.": "Saisissez un mot de passe.",
  "There is already an account for this email.": "Il existe déjà un compte pour cette adresse électronique.",
};

// ---- Templates ----

/** The find page's text fields (schemas/find.ts `text(label, …)`): the field, as a subject, and "too long". */
const FIND_TEXT_FIELDS: Readonly<Record<string, { readonly field: string; readonly long: string }>> = {
  "search text": { field: "le texte recherché", long: "trop long" },
  owner: { field: "le responsable", long: "trop long" },
  tag: { field: "l’étiquette", long: "trop longue" },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const healthList = (locale: Locale) => HEALTHS.map((h) => vocabulary(locale).health[h]).join(", ");

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** What `duplicate <what> "x" (also at …)` names (schemas/fields.ts, interchange/references.ts). */
const DUPLICATES: Readonly<Record<string, string>> = {
  party: "partie",
  source: "source",
  id: "clé",
  slug: "adresse (slug)",
};

const ROLES: Readonly<Record<string, string>> = {
  admin: "administrateur",
  editor: "éditeur",
  reviewer: "relecteur",
};

const MESSAGES: readonly Rule[] = [
  // The grammar of interchange/messages.ts. No expectation contains ", got ", so the first one ends it.
  [
    /^expected (.+?), got (.+)$/s,
    (expected, got) => {
      const [what, value] = [frenchExpectation(expected), frenchValue(got)];
      return what === null || value === null ? null : fr`attendu : ${what} ; reçu : ${value}`;
    },
  ],
  [/^unknown field (".*")$/s, (key) => `champ inconnu ${key}`],
  [/^unknown fields (".*")$/s, (keys) => `champs inconnus ${keys}`],
  [
    /^duplicate (\w+) (".*") \(also at (.*)\)(: the two parties must differ)?$/s,
    (what, value, path, parties) => {
      const french = lookup(DUPLICATES, what);
      if (french === null) return null;
      const message = `${french} ${value} en double (également à ${path})`;
      return parties === "" ? message : fr`${message} : les deux parties doivent être différentes`;
    },
  ],
  [/^source (".*") is not defined in sources$/s, (source) => `la source ${source} n’est pas définie dans sources`],
  [
    /^(\d+) more errors? not listed$/,
    (n) => (n === "1" ? "1 autre erreur non listée" : `${n} autres erreurs non listées`),
  ],
  [
    /^invalid JSON at line (\d+), column (\d+): (.*)$/s,
    (line, column, problem) => {
      const french = translate(JSON_SYNTAX, problem);
      return french === null ? null : fr`JSON invalide à la ligne ${line}, colonne ${column} : ${french}`;
    },
  ],
  [/^invalid JSON: (.*)$/s, (problem) => fr`JSON invalide : ${problem}`],
  [
    /^expected at least one source: a status of (\w+) cites what it relies on$/,
    // A form's status: said by its label, as the form's list shows it.
    (status) =>
      isStatus(status)
        ? fr`attendu : au moins une source ; le statut « ${vocabulary("fr").status[status]} » cite ce sur quoi il repose`
        : null,
  ],

  // The as-of and find queries.
  [
    /^"(.*)" is not a date; use YYYY-MM-DD\.$/s,
    (day) => fr`"${day}" n’est pas une date ; utilisez le format AAAA-MM-JJ.`,
  ],
  [
    /^The day asked for is not a date; use YYYY-MM-DD\.$/,
    () => fr`Le jour demandé n’est pas une date ; utilisez le format AAAA-MM-JJ.`,
  ],
  [
    /^The day asked for is after today; a page can only be shown as it stood on a past day\.$/,
    () =>
      fr`Le jour demandé est postérieur à aujourd’hui ; une page ne peut être montrée que telle qu’elle était un jour passé.`,
  ],
  [
    /^The day asked for is before 1900; no page is shown as of a day that early\.$/,
    () => fr`Le jour demandé est antérieur à 1900 ; aucune page n’est montrée à une date aussi ancienne.`,
  ],
  [
    /^Give the (.+) as text\.$/,
    (label) => {
      const field = lookup(FIND_TEXT_FIELDS, label);
      return field === null ? null : `Indiquez ${field.field} sous forme de texte.`;
    },
  ],
  [
    /^The (.+) is too long: at most (\d+) characters\.$/,
    (label, n) => {
      const field = lookup(FIND_TEXT_FIELDS, label);
      return field === null ? null : fr`${capitalise(field.field)} est ${field.long} : ${n} caractères au plus.`;
    },
  ],
  [
    /^The (.+) contains a null character\.$/,
    (label) => {
      const field = lookup(FIND_TEXT_FIELDS, label);
      return field === null ? null : `${capitalise(field.field)} contient un caractère nul.`;
    },
  ],
  [
    /^"(.*)" is not a party code; use two letters, e\.g\. FR\.$/s,
    (code) => fr`"${code}" n’est pas un code de partie ; utilisez deux lettres, par exemple FR.`,
  ],
  [
    /^"(.*)" is not a health; choose from (.*)\.$/s,
    (health, list) =>
      list === healthList("en") ? fr`"${health}" n’est pas un état ; choisissez parmi ${healthList("fr")}.` : null,
  ],
  [
    /^"(.*)" is not a choice; tick the box or leave it\.$/s,
    (value) => fr`"${value}" n’est pas un choix possible ; cochez la case ou laissez-la vide.`,
  ],
  [/^Give the page as a whole number, e\.g\. 2\.$/, () => fr`Donnez la page en nombre entier, par exemple 2.`],
  [
    /^"(.*)" is not a page number; use a whole number from 1\.$/s,
    (value) => fr`"${value}" n’est pas un numéro de page ; utilisez un nombre entier à partir de 1.`,
  ],

  // Comments, accounts.
  [
    /^A comment is at most ([\d,]+) characters\.$/,
    (n) =>
      `Un commentaire compte au plus ${new Intl.NumberFormat("fr-FR").format(Number(n.replace(/,/g, "")))} caractères.`,
  ],
  [/^Use at most (\d+) characters\.$/, (n) => `Utilisez au plus ${n} caractères.`],
  [/^Use at least (\d+) characters\.$/, (n) => `Utilisez au moins ${n} caractères.`],

  // lib/data's NotFoundError.
  [
    /^There is no agreement "(.*)" in (.+)\.$/s,
    (agreement, org) => `Il n’y a pas d’accord "${agreement}" dans ${org}.`,
  ],
  [/^There is no agreement "(.*)"\.$/s, (agreement) => `Il n’y a pas d’accord "${agreement}".`],
  [/^There is no organisation "(.*)"\.$/s, (org) => `Il n’y a pas d’organisation "${org}".`],
  [/^There is no source "(.*)"\.$/s, (source) => `Il n’y a pas de source "${source}".`],
  [
    /^The organisation "(.*)" has no (agreement|published agreement) "(.*)"\.$/s,
    (org, what, agreement) =>
      `L’organisation "${org}" n’a pas d’accord${what === "agreement" ? "" : " publié"} "${agreement}".`,
  ],
  [
    /^There is no commitment "(.*)" in this agreement\.$/s,
    (commitment) => `Il n’y a pas d’engagement "${commitment}" dans cet accord.`,
  ],
  [
    /^There is no milestone "(.*)" in this commitment\.$/s,
    (milestone) => `Il n’y a pas de jalon "${milestone}" dans cet engagement.`,
  ],
  [
    /^There is no commitment "(.*)" in the agreement "(.*)"\.$/s,
    (commitment, agreement) => `Il n’y a pas d’engagement "${commitment}" dans l’accord "${agreement}".`,
  ],
  [
    /^There is no (milestone|indicator) "(.*)" in the commitment "(.*)" of the agreement "(.*)"\.$/s,
    (what, key, commitment, agreement) =>
      `Il n’y a pas ${what === "milestone" ? "de jalon" : "d’indicateur"} "${key}" dans l’engagement ` +
      `"${commitment}" de l’accord "${agreement}".`,
  ],

  // lib/data's ValidationError.
  [
    /^there is an agreement "(.*)" already: choose another slug$/s,
    (slug) => fr`il y a déjà un accord "${slug}" : choisissez une autre adresse (slug)`,
  ],
  [
    /^there is a source "(.*)" already: choose another id$/s,
    (id) => fr`il y a déjà une source "${id}" : choisissez une autre clé`,
  ],
  [
    /^there is a commitment "(.*)" in this agreement already: choose another id$/s,
    (id) => fr`il y a déjà un engagement "${id}" dans cet accord : choisissez une autre clé`,
  ],
  [
    /^there is (a milestone|an indicator) "(.*)" in this commitment already: choose another id$/s,
    (what, id) =>
      fr`il y a déjà ${what === "a milestone" ? "un jalon" : "un indicateur"} "${id}" dans cet engagement : choisissez une autre clé`,
  ],
  [/^there is no source (".*"): add it first$/s, (source) => fr`il n’y a pas de source ${source} : ajoutez-la d’abord`],
  [
    /^(the commitment "[^"]*" is the responsibility of [^;]*(?:; the commitment "[^"]*" is the responsibility of [^;]*)*): change it first, or keep that party$/,
    (list) => {
      const orphans = [...list.matchAll(/the commitment "([^"]*)" is the responsibility of ([^;]*)/g)];
      const each = orphans.map(([, key, party]) => `l’engagement "${key ?? ""}" relève de ${party ?? ""}`);
      const them = orphans.length === 1 ? "le" : "les";
      return fr`${each.join(fr` ; `)} : modifiez-${them} d’abord, ou gardez cette partie`;
    },
  ],

  // lib/data's ConflictError.
  [
    /^The last admin of an organisation cannot be (removed|demoted): make another member an admin first\.$/,
    (what) =>
      fr`Le dernier administrateur d’une organisation ne peut pas être ${what === "removed" ? "retiré" : "rétrogradé"} : nommez d’abord un autre membre administrateur.`,
  ],
  [
    /^(.+)'s role was changed to (\w+) by someone else since this page was loaded; nothing was changed\. Reload to see it\.$/s,
    (name, role) => {
      const french = lookup(ROLES, role);
      return french === null
        ? null
        : fr`Le rôle du membre ${name} a été changé en ${french} par quelqu’un d’autre depuis le chargement de cette page ; rien n’a été modifié. Rechargez la page pour le voir.`;
    },
  ],
  [
    /^The organisation "(.*)" already has the agreement\(s\) (.+); nothing was imported\.$/s,
    (org, slugs) =>
      fr`L’organisation "${org}" a déjà ${slugs.includes(", ") ? "les accords" : "l’accord"} ${slugs} ; rien n’a été importé.`,
  ],

  // A JSON syntax error on its own (locateJsonError), as well as inside `invalid JSON at line …` above.
  ...JSON_SYNTAX,
];

/** The French of a message written in English by a schema or by lib/data; the English itself when it has none. */
export function frenchMessage(english: string): string {
  return lookup(FIXED, english) ?? translate(MESSAGES, english) ?? english;
}

/** A message as a reader of `locale` should see it (English is the text as written). */
export function localiseMessage(message: string, locale: Locale): string {
  return locale === "fr" ? frenchMessage(message) : message;
}

/** Messages by field (the find page's refused parameters) in the reader's language. */
export function localiseMessages<K extends string>(
  messages: Readonly<Partial<Record<K, string>>>,
  locale: Locale,
): Partial<Record<K, string>> {
  if (locale !== "fr") return messages;
  const entries = Object.entries(messages) as [K, string][];
  return Object.fromEntries(entries.map(([field, message]) => [field, frenchMessage(message)])) as Partial<
    Record<K, string>
  >;
}

/** Field errors (schemas/parse.ts) in the reader's language, under the same paths. */
export function localiseFieldErrors(errors: FieldErrors, locale: Locale): FieldErrors {
  if (locale !== "fr") return errors;
  // fromEntries defines own properties, so a path such as "__proto__" stays a field (see addFieldError).
  return Object.fromEntries(
    Object.entries(errors).map(([path, messages]) => [path, messages.map((m) => frenchMessage(m))]),
  );
}
