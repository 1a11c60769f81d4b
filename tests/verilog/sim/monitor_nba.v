// $monitor prints once per time slot, after NBA updates, and only when an argument changed; $monitoroff/$monitoron control it.
module top;
  reg [3:0] a, b;
  initial begin
    $monitor("%0t a=%0d b=%0d", $time, a, b);
    a = 0; b = 0;
    #1 a <= 1; b = 1; a = 5;
    #1 a = 2; a = 3;
    #1 a = 3;
    #1 $monitoroff;
    a = 7;
    #1 b = 9;
    #1 $monitoron;
    #1 b = 10;
    #1 $finish;
  end
endmodule
