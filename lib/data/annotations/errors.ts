/** A failure the person caused, with the field it concerns and a message safe to show. */
export class AnnotationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = () => new AnnotationError(404, "That annotation doesn't exist, or you can't see it.");
