import { z } from "zod";
import { API_SCOPES } from "@/lib/data/api-tokens/token-secret";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "token.nameRequired").max(80, "token.nameTooLong"),
  scopes: z.array(z.enum(API_SCOPES)).max(API_SCOPES.length),
});

export const revokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(40) });
