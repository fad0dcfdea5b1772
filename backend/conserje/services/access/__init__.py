"""What every way in (face, QR, document, manual, plate) writes to: the hash-chained access
log, alerts for guards, who is inside, and the live event stream."""
