// wait(expr) continues at once when expr is already true, else when it becomes true.
module top;
  reg [3:0] cnt;
  reg flag;
  initial begin
    cnt = 0; flag = 1;
    wait (flag) $display("%0t immediate", $time);
    wait (cnt == 4) $display("%0t cnt=4", $time);
    wait (cnt > 6 && flag == 0);
    $display("%0t cnt=%0d flag=%b", $time, cnt, flag);
  end
  initial begin
    repeat (9) #2 cnt = cnt + 1;
  end
  initial #15 flag = 0;
endmodule
