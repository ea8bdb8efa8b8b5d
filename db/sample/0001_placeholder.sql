-- replaced by the sample network
SELECT 1;
