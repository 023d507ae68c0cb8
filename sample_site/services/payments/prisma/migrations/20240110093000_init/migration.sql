-- CreateTable
CREATE TABLE `payments` (`id` CHAR(26) NOT NULL, PRIMARY KEY (`id`));
