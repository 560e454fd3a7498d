# One user of the service, by the UserId Verigator gave it.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
user = api.users.get("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", "81213bfd-b690-499e-b9d2-8754cb1550e8")
print(user.id_in_service)
