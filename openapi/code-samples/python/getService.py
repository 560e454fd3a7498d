# Look up the service by the id you stored when you created it.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
service = api.services.get("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d")
print(service.name)
