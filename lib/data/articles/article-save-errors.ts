/** The address is already used by another article (two admins, or two starts, creating the same slug). */
export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`Another article already uses the slug "${slug}".`);
  }
}

/** The article to edit is not there any more. */
export class ArticleGoneError extends Error {
  constructor(readonly slug: string) {
    super(`There is no article "${slug}".`);
  }
}

/** Someone published a version after the one the edit started from: saving would silently discard theirs. */
export class ArticleVersionConflictError extends Error {
  constructor(readonly current: { id: string; number: number }) {
    super(`Version ${current.number} was published after the version this edit started from.`);
  }
}
