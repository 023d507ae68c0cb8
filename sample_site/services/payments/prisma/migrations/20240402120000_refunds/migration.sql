-- CreateTable
CREATE TABLE `refunds` (`id` CHAR(26) NOT NULL, `payment_id` CHAR(26) NOT NULL, PRIMARY KEY (`id`));
