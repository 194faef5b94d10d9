import { setAnnotationCount } from "../bench/bulk-annotations.ts";
await setAnnotationCount(process.env.DATABASE_URL!, Number(process.argv[2]));
console.log("set", process.argv[2]);
