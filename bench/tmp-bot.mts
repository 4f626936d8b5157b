import { measureIdleBot } from "./startup/measure-idle-bot.ts";

console.log(JSON.stringify(await measureIdleBot(process.env.TEST_DATABASE_URL as string, 5000)));
