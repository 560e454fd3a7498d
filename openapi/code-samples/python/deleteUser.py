# When someone closes their account.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
api.users.delete("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", "81213bfd-b690-499e-b9d2-8754cb1550e8")
