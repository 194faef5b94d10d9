import { z } from "zod";
import { API_SCOPES } from "@/lib/data/api-tokens/token-secret";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token so you can tell it apart later.").max(80, "A token name can have at most 80 characters."),
  scopes: z.array(z.enum(API_SCOPES)).max(API_SCOPES.length),
});

export const revokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(40) });
