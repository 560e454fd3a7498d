# Remove a service; delete its users first.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
api.services.delete("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d")
