-- CreateEnum
CREATE TYPE "SupportDiscordMessageDirection" AS ENUM ('TO_DISCORD', 'FROM_DISCORD');

-- CreateTable
CREATE TABLE "support_discord_conversation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "discordGuildId" TEXT NOT NULL,
    "discordCategoryId" TEXT,
    "discordChannelId" TEXT NOT NULL,
    "discordChannelName" VARCHAR(100) NOT NULL,
    "channelTopic" VARCHAR(1024),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "support_discord_conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_discord_message" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "supportMessageId" TEXT NOT NULL,
    "discordChannelId" TEXT NOT NULL,
    "discordMessageId" TEXT NOT NULL,
    "direction" "SupportDiscordMessageDirection" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_discord_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "support_discord_conversation_conversationId_key" ON "support_discord_conversation"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "support_discord_conversation_discordChannelId_key" ON "support_discord_conversation"("discordChannelId");

-- CreateIndex
CREATE INDEX "support_discord_conversation_tenantId_createdAt_idx" ON "support_discord_conversation"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "support_discord_message_supportMessageId_key" ON "support_discord_message"("supportMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "support_discord_message_discordMessageId_key" ON "support_discord_message"("discordMessageId");

-- CreateIndex
CREATE INDEX "support_discord_message_tenantId_conversationId_direction_idx" ON "support_discord_message"("tenantId", "conversationId", "direction");

-- AddForeignKey
ALTER TABLE "support_discord_conversation" ADD CONSTRAINT "support_discord_conversation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_discord_conversation" ADD CONSTRAINT "support_discord_conversation_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "support_conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_discord_message" ADD CONSTRAINT "support_discord_message_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_discord_message" ADD CONSTRAINT "support_discord_message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "support_conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_discord_message" ADD CONSTRAINT "support_discord_message_supportMessageId_fkey" FOREIGN KEY ("supportMessageId") REFERENCES "support_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_discord_message" ADD CONSTRAINT "support_discord_message_discordChannelId_fkey" FOREIGN KEY ("discordChannelId") REFERENCES "support_discord_conversation"("discordChannelId") ON DELETE CASCADE ON UPDATE CASCADE;
