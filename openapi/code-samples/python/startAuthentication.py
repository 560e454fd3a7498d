# When the user logs in: send a PIN by SMS ("totp" would expect the authenticator app).
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
api.auth.initiate("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", "81213bfd-b690-499e-b9d2-8754cb1550e8", "sms")
