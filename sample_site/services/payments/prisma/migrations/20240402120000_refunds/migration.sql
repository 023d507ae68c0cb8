-- CreateTable
CREATE TABLE `refunds` (
    `id` CHAR(26) NOT NULL,
    `payment_id` CHAR(26) NOT NULL,
    `amount_cents` BIGINT NOT NULL,
    `reason` VARCHAR(255) NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `refunds` ADD CONSTRAINT `refunds_payment_id_fkey` FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
