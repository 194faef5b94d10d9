/** The look of the small text buttons under an annotation (Reply, Edit, Share and its choices…). */
export const actionButton = "min-h-8 rounded px-2 text-sm underline-offset-2 hover:underline";
