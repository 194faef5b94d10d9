/** One fixed window of a rule: at most `points` attempts per `durationSeconds`. */
export interface RateLimitWindow {
  points: number;
  durationSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every limit Gloss enforces. A rule has a short window that stops bursts and a
 * long one that stops a slow, patient attacker; an attempt must fit in all of
 * them. Within a rule each window needs its own duration: it names the stored key.
 *
 * The numbers leave room for a person who mistypes a password a few times or
 * shares an office IP, and none for scripted guessing.
 */
export const rateLimitRules = {
  /** Sign-in attempts for one account, from anywhere: stops guessing one password. */
  signInAccount: [
    { points: 5, durationSeconds: MINUTE },
    { points: 30, durationSeconds: HOUR },
  ],
  /** Sign-in attempts from one IP, whichever account: stops spraying many accounts. */
  signInIp: [
    { points: 5, durationSeconds: MINUTE },
    { points: 30, durationSeconds: HOUR },
  ],
  /** New accounts from one IP: a household or classroom may sign up together, a bot may not. */
  signUpIp: [
    { points: 5, durationSeconds: HOUR },
    { points: 20, durationSeconds: DAY },
  ],
  /** Password-reset requests from one IP: each sends an email, so spam costs us reputation. */
  passwordResetIp: [
    { points: 5, durationSeconds: 15 * MINUTE },
    { points: 20, durationSeconds: DAY },
  ],
  /** Verification emails resent to one account: a few retries for a slow inbox, no mail bombing. */
  emailVerifyResendAccount: [
    { points: 3, durationSeconds: 15 * MINUTE },
    { points: 10, durationSeconds: DAY },
  ],
  /** Annotations and replies by one user: generous for a lively thread, low enough to stop floods. */
  postAnnotation: [
    { points: 30, durationSeconds: MINUTE },
    { points: 300, durationSeconds: HOUR },
  ],
  /** The same, for accounts younger than a day (GLOSS_NEW_ACCOUNT_HOURS): a fresh throwaway account cannot flood. */
  postAnnotationNewAccount: [
    { points: 5, durationSeconds: MINUTE },
    { points: 30, durationSeconds: HOUR },
  ],
  /** Flags by one user: enough to report a bad thread, not enough to bury a good one. */
  flagAnnotation: [
    { points: 10, durationSeconds: MINUTE },
    { points: 60, durationSeconds: HOUR },
  ],
  /** @mention autocomplete lookups by one user: a keystroke each, but no walking the whole user list. */
  handleLookup: [
    { points: 60, durationSeconds: MINUTE },
    { points: 600, durationSeconds: HOUR },
  ],
  /** Markdown previews by one user: one per pause in typing, never a free rendering service. */
  markdownPreview: [
    { points: 120, durationSeconds: MINUTE },
    { points: 2000, durationSeconds: HOUR },
  ],
  /** Full-text searches by one user or IP: searching is the costliest read. */
  search: [
    { points: 30, durationSeconds: MINUTE },
    { points: 600, durationSeconds: HOUR },
  ],
  /** Public API requests made with one personal access token: a sync tool's bursts fit, scraping the site does not. */
  apiToken: [
    { points: 120, durationSeconds: MINUTE },
    { points: 3000, durationSeconds: HOUR },
  ],
  /** Public API reads without a token, per IP: browsers and scripts reading public data, not mirrors. */
  apiAnonymousIp: [
    { points: 60, durationSeconds: MINUTE },
    { points: 1000, durationSeconds: HOUR },
  ],
} as const satisfies Record<string, readonly RateLimitWindow[]>;

export type RateLimitRuleName = keyof typeof rateLimitRules;

/** Rule names, for code that walks every rule (the limiter builds its stores from them). */
export const rateLimitRuleNames = Object.keys(rateLimitRules) as RateLimitRuleName[];
