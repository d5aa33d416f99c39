"""What ``redact`` puts in place of each kind of number or address it masks."""

PHONE_MASK = "［電話番号］"
EMAIL_MASK = "［メールアドレス］"
CARD_MASK = "［カード番号］"
