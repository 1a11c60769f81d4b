// Intra-assignment delays on non-blocking assignments schedule independent future updates; later ones override earlier in time order.
module top;
  reg [7:0] q;
  initial begin
    $monitor("%0t q=%0d", $time, q);
    q = 0;
    q <= #5 1;
    q <= #3 2;
    q <= #7 3;
    q <= #5 4;
    #20 $finish;
  end
endmodule
